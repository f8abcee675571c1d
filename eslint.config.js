// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Wall-clock time and unseeded randomness would break determinism in the simulation core. */
const nondeterminism = [
  { object: 'Math', property: 'random', message: 'Use the engine\'s seeded streams (engine.rng(name)).' },
  { object: 'Date', property: 'now', message: 'Use simulated time (engine.now).' },
  { object: 'performance', property: 'now', message: 'Use simulated time (engine.now).' },
];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'test-results/', 'playwright-report/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Anything rendered from user files must be text, never HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render user data as text (textContent or JSX), never as HTML.' },
        { property: 'outerHTML', message: 'Render user data as text, never as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render user data as text, never as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render user data as text, never as HTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-properties': [
        'error',
        ...nondeterminism,
        { property: 'innerHTML', message: 'Render user data as text, never as HTML.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'No wall-clock time in the simulation core: use engine.now.' },
        { name: 'performance', message: 'No wall-clock time in the simulation core: use engine.now.' },
        { name: 'setTimeout', message: 'Schedule an event on the engine instead.' },
        { name: 'setInterval', message: 'Schedule an event on the engine instead.' },
        { name: 'window', message: 'The simulation core runs without the DOM.' },
        { name: 'document', message: 'The simulation core runs without the DOM.' },
        { name: 'self', message: 'The simulation core runs without worker globals.' },
        { name: 'process', message: 'The simulation core runs without Node globals.' },
        { name: 'crypto', message: 'Use the engine\'s seeded streams.' },
      ],
    },
  },
);
