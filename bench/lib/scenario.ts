import { Server } from './processes';
import { Figure } from './report';

export interface BenchContext {
  api: Server;
  raw: Server;
  databaseUrl: string;
  password: string;
}

export interface Scenario {
  name: string;
  run(context: BenchContext): Promise<Figure[]>;
}

export async function signIn(api: Server, username: string, password: string): Promise<string> {
  const response = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

