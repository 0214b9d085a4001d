/**
 * A citizen as the national sign-in knows them (VNeID / the National Public Service Portal's
 * single sign-on: userinfo `SoDinhDanh`, `HoVaTen`, `ThuDienTu`, `SoDienThoai`, `DiaChi`).
 * Personal data: kept on the session and dossier items only, never logged, never in a workflow
 * payload, a URL or a published page.
 */
export interface Citizen {
  /** The personal identification number (số định danh cá nhân, 12 digits). */
  identityNumber: string;
  name: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** A signed-in citizen's session as stored (functions/commons/citizen-session.ts). */
export interface CitizenSession {
  citizen: Citizen;
  /** ISO UTC. */
  createdAt: string;
  expiresAt: string;
}

/** How long a session lasts after sign-in (no sliding: sign in again). */
export const SESSION_HOURS = 2;
