// Calls to /api/v1 with the session cookie and, on unsafe methods, the CSRF token from sign-in.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken = null;

/** A failed call: status is the HTTP status, problem the problem+json answer (or null). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function useCsrfToken(token) {
  csrfToken = token || null;
}

/**
 * fetch relative to /api/v1. options.json is sent as JSON; resolves to the parsed answer (null for 204),
 * rejects with an ApiError.
 */
export async function api(path, options = {}) {
  const { json, ...init } = options;
  const method = (init.method || 'GET').toUpperCase();
  const headers = new Headers(init.headers || {});
  headers.set('Accept', 'application/json');
  let body = init.body;
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }
  if (!SAFE.has(method) && csrfToken) {
    headers.set('X-CSRF-Token', csrfToken);
  }
  const response = await fetch('/api/v1' + path, { ...init, method, headers, body, credentials: 'same-origin' });
  if (response.status === 204 || response.status === 304) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

/**
 * Sends a file as the raw body of method path (relative to /api/v1) with XMLHttpRequest, whose upload progress
 * fetch does not report: onProgress(share) gets 0..1 while it goes. Resolves to the parsed answer of a 2xx,
 * rejects like api() (an ApiError), or with an Error when the server cannot be reached.
 */
export function upload(method, path, contentType, body, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, '/api/v1' + path);
    request.setRequestHeader('Content-Type', contentType);
    request.setRequestHeader('Accept', 'application/json');
    if (csrfToken) {
      request.setRequestHeader('X-CSRF-Token', csrfToken);
    }
    request.upload.addEventListener('progress', event => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('load', () => {
      let data = null;
      try {
        data = JSON.parse(request.responseText);
      } catch (ignored) {
        data = null;
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(data);
      } else {
        reject(new ApiError(request.status, data));
      }
    });
    request.addEventListener('error', () => reject(new Error('The upload failed: the server could not be reached.')));
    request.send(body);
  });
}

/** Resolves user ids to display names, each asked once; a caller who may not read users sees a short id. */
export function userNames(call = api) {
  const cache = new Map();
  return id => {
    if (!id) {
      return Promise.resolve('—');
    }
    if (!cache.has(id)) {
      cache.set(id, call('/users/' + encodeURIComponent(id))
        .then(u => u.displayName || u.username)
        .catch(() => 'user ' + String(id).slice(0, 8)));
    }
    return cache.get(id);
  };
}
