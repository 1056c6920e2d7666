// @ts-check
import { readdirSync } from 'node:fs';

/**
 * The web app's layers (bulletproof-react's layout), enforced with no-restricted-imports:
 *   app/ (shell, router)  →  features/<name>/  →  components/, hooks/, lib/, utils/
 * A feature imports no other feature (TypeScript or CSS) and never app/; the shared layers import
 * neither features nor app/; a .tsx component never imports the API client (its feature's api/
 * hooks call the API). ESLint applies one options object per rule and file, so every block below
 * carries the full list of patterns for the files it names.
 */
const src = 'apps/web/src';
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const noApp = { regex: '^@/app(/|$)', message: 'Only the shell (app/) knows app/: move what you need to lib/, components/ or the feature.' };
const noClientInComponents = {
  regex: '^@/lib/api/client$',
  importNames: ['api', 'data'],
  message: 'Components call the API through hooks in their feature\'s api/ folder (one file per endpoint).',
};
const upward = (depth) => ({
  regex: `^(\\.\\./){${depth}}`,
  message: 'Reach outside the feature only through @/ (and never into another feature).',
});

/** @param {string[]} files @param {object[]} patterns */
const block = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

const featureBlocks = features.flatMap((feature) => {
  const otherFeature = {
    regex: `^@/features/(?!${feature}(/|$))`,
    message: 'Features do not import each other: move what both need to components/, hooks/, lib/ or utils/.',
  };
  return [1, 2, 3].flatMap((depth) => {
    const dir = `${src}/features/${feature}/${'*/'.repeat(depth - 1)}`;
    const base = [noApp, otherFeature, upward(depth)];
    return [block([`${dir}*.ts`], base), block([`${dir}*.tsx`], [...base, noClientInComponents])];
  });
});

const shared = ['components', 'hooks', 'lib', 'utils'];
const noUpward = { regex: '^(@/|(\\.\\./)+)(features|app)(/|$)', message: 'Shared layers (components, hooks, lib, utils) import neither features nor app/.' };
const sharedBlocks = [
  block(shared.map((layer) => `${src}/${layer}/**/*.ts`), [noUpward]),
  block(shared.map((layer) => `${src}/${layer}/**/*.tsx`), [noUpward, noClientInComponents]),
];

export const webLayerRules = [
  ...sharedBlocks,
  ...featureBlocks,
  // fetch() is the client's business (lib/api); a component asking the network directly bypasses it.
  { files: [`${src}/**/*.tsx`], rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the API through a feature api/ hook.' }] } },
];
