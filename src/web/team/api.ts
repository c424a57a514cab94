/** The workspace's HTTP client: JSON, the session cookie, the CSRF header, one error shape. */
export interface Membership {
  readonly orgId: string;
  readonly orgName: string;
  readonly role: 'admin' | 'attorney' | 'staff' | 'client';
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** Sends a file as the request body, its type in Content-Type. */
  upload<T>(path: string, file: File): Promise<T>;
  /** POSTs JSON and gives back the file the server answers with. */
  download(path: string, body: unknown): Promise<Blob>;
}

export function api(csrf: string): Api {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    file?: File,
    binary = false,
  ): Promise<T> => {
    const res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(file ? { 'content-type': file.type || 'application/octet-stream' } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      },
      ...(file ? { body: file } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (binary && res.ok) return (await res.blob()) as T;
    const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
    if (!res.ok)
      throw new ApiFailure(res.status, data.error?.code ?? 'error', data.error?.message ?? res.statusText);
    return data as T;
  };
  return {
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b),
    put: (p, b) => call('PUT', p, b),
    patch: (p, b) => call('PATCH', p, b),
    delete: (p) => call('DELETE', p),
    download: (p, b) => call<Blob>('POST', p, b, undefined, true),
    upload: (p, f) =>
      call('POST', `${p}${p.includes('?') ? '&' : '?'}name=${encodeURIComponent(f.name)}`, undefined, f),
  };
}
