import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BESIDE_BUNDLE, besideBundleCommand, esbuildOptions } from '../../infra/bundling/options';
import { projectRoot } from '../../infra/constructs/paths';
import type * as ReceiptPdf from '../../functions/commons/receipt-pdf';
import { pdfText } from '../support/pdf-text';
import { receiptInput } from '../support/receipt-input';

/**
 * The receipt's font is a file read beside the bundle (functions/commons/receipt-pdf.ts), not base64
 * in it: bundled as the CDK bundles a function (infra/bundling/options.ts), with the command the
 * CDK runs after esbuild (BUNDLING's afterBundling), the bundle prints a receipt in Vietnamese —
 * and without that command it cannot. test/infra/stack.test.ts checks the synthesized assets.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function bundled(copy: boolean): Promise<{ dir: string; module: typeof ReceiptPdf }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-beside-'));
  dirs.push(dir);
  await build({ ...esbuildOptions('functions/commons/receipt-pdf.ts', path.join(dir, 'index.mjs'), projectRoot), write: true });
  if (copy) execSync(besideBundleCommand(projectRoot, dir), { stdio: 'pipe' });
  return { dir, module: (await import(pathToFileURL(path.join(dir, 'index.mjs')).href)) as typeof ReceiptPdf };
}

const input = receiptInput;

describe('files read beside the bundle (the receipt font)', () => {
  it('a bundle that prints receipts carries no font of its own, and the build copies the font and its licence beside it', async () => {
    const { dir, module } = await bundled(true);
    const code = readFileSync(path.join(dir, 'index.mjs'), 'utf8');
    expect(code).toContain('receipt-font.ttf');
    // the font's first bytes in base64 (the old embedded copy) are not in the bundle
    expect(code).not.toContain(readFileSync(path.join(projectRoot, 'functions/commons/receipt-font.ttf')).subarray(0, 48).toString('base64'));
    for (const file of BESIDE_BUNDLE['receipt-font.ttf']!) {
      expect(readFileSync(path.join(dir, path.basename(file)))).toEqual(readFileSync(path.join(projectRoot, file)));
    }
    const text = pdfText(module.receiptPdf(input)).join('\n');
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Người nộp · Payer: Nguyễn Thị Bình');
    expect(text).not.toContain('\uFFFD');
  }, 60_000);

  it('without the copy, the bundle cannot print one (the font is read from beside it, not from the source tree)', async () => {
    const { dir, module } = await bundled(false);
    expect(existsSync(path.join(dir, 'receipt-font.ttf'))).toBe(false);
    expect(() => module.receiptPdf(input)).toThrow(/ENOENT.*receipt-font\.ttf/);
  }, 60_000);

  it('copies nothing beside a bundle that does not read the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motcua-beside-'));
    dirs.push(dir);
    execSync(`node -e "require('fs').writeFileSync(process.argv[1], 'export const handler = () => 1;')" ${JSON.stringify(path.join(dir, 'index.mjs'))}`);
    execSync(besideBundleCommand(projectRoot, dir), { stdio: 'pipe' });
    expect(existsSync(path.join(dir, 'receipt-font.ttf'))).toBe(false);
  });
});
