/**
 * Money as the pages and letters show it: integer đồng with Vietnamese grouping ("200.000 đ").
 * No imports: the web apps use it as the letters do (functions/core/fees.ts `formatDong` checks
 * the amount is whole đồng first).
 */
export const dong = (amount: number): string => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
