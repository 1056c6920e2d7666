import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { servedPath } from '@app/core';
import { ACCESS_POLICY, AccessPolicy } from './access.decorators';

export interface RouteWithPolicy {
  method: string;
  path: string;
  controller: string;
  handler: string;
  policy: AccessPolicy | undefined;
}

/**
 * The application's route table with each route's access policy, read from the controllers'
 * metadata. The app refuses to start while a route has no policy; the access tests walk it.
 */
@Injectable()
export class RoutePolicies implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  list(): RouteWithPolicy[] {
    return this.discovery.getControllers().flatMap((wrapper) => {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller || !wrapper.instance) return [];
      const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) return [];
        const paths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler as never, controller]);
        return prefixes.flatMap((prefix) =>
          paths.map((path) => ({
            method: RequestMethod[method],
            path: servedPath(`/${[prefix, path].map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`),
            controller: controller.name,
            handler: name,
            policy,
          })),
        );
      });
    });
  }

  onApplicationBootstrap(): void {
    const missing = this.list().filter((route) => !route.policy);
    if (missing.length > 0) {
      const names = missing.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`).join(', ');
      throw new Error(`Routes without an access policy (@Allow or @Public): ${names}`);
    }
  }
}
