// Console kit v1 (a contract for plugin pages): money and dates as every console page shows them.
export { money, amounts, day, moment, number, words, count } from '../../format.js';
