// Console kit v1 (a contract for plugin pages): building pages from data without parsing data as markup.
export { el, show, problemText } from '../../dom.js';
