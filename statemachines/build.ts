// Writes statemachines/dossier.asl.json from statemachines/dossier.ts (the file AWS and the local
// runtime read). Run: npm run asl   (--check: fail, writing nothing, when the file is not up to date)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { aslText, dossierStateMachine } from './dossier';

const file = resolve(import.meta.dirname, 'dossier.asl.json');
const text = aslText(dossierStateMachine);
const current = (() => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
})();
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('statemachines/dossier.asl.json is not statemachines/dossier.ts’s output: run npm run asl');
    process.exit(1);
  }
  console.log('statemachines/dossier.asl.json is up to date');
} else {
  writeFileSync(file, text);
  console.log(`statemachines/dossier.asl.json: ${text.split('\n').length - 1} lines${current === text ? ' (unchanged)' : ''}`);
}
