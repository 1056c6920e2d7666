import type { paths } from './schema';

/** The JSON body a route takes, from the generated schema: `RequestBody<'/api/x/{id}', 'post'>`. */
export type RequestBody<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
