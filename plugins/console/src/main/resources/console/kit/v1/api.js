// Console kit v1 (a contract for plugin pages): calls to /api/v1 with the session and CSRF token.
export { api, ApiError, upload, userNames } from '../../api.js';
