// Signs a browser context in to the host page as its form does (fetch the form for its CSRF token and
// cookie, then post the token with it): for the end-to-end harness, the benchmarks and `npm start`.

/** The part of Playwright's APIRequestContext used here (its cookie jar is the browser context's). */
export interface FormRequests {
  get(url: string): Promise<{ status(): number; text(): Promise<string> }>;
  post(url: string, options: { form: Record<string, string>; maxRedirects?: number }): Promise<{ status(): number; text(): Promise<string> }>;
}

export async function signInWithToken(request: FormRequests, crmUrl: string, token: string): Promise<void> {
  const form = await request.get(`${crmUrl}/login`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error(`The sign-in form at ${crmUrl}/login has no CSRF token (status ${form.status()})`);
  const res = await request.post(`${crmUrl}/login`, { form: { token, csrf }, maxRedirects: 0 });
  if (res.status() >= 400) throw new Error(`Signing in to the host page failed: ${res.status()} ${await res.text()}`);
}
