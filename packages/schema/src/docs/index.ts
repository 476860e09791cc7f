import { renderCarriersDoc, renderOrderNumbersDoc, renderRolesDoc, renderTransitionsDoc } from './render.js';

/** Every generated doc, by file name under docs/generated/, with the function that renders it. */
export const GENERATED_DOCS: Readonly<Record<string, () => string>> = {
  'transitions.md': renderTransitionsDoc,
  'roles.md': renderRolesDoc,
  'carriers.md': renderCarriersDoc,
  'order-numbers.md': renderOrderNumbersDoc,
};

export { markdownTable } from './markdown.js';
