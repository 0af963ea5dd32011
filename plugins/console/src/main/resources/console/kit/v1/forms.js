// Console kit v1 (a contract for plugin pages): problem+json errors shown at their fields.
export { clearProblem, fieldError, showProblem, submitting } from '../../forms.js';
