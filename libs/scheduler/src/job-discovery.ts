import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AppConfig } from '@app/core';
import { JobRegistry } from './job-registry';
import { JobMethod, SCHEDULED_JOB, ScheduledJobOptions } from './scheduled-job.decorator';

/**
 * Registers every `@ScheduledJob` method of the application's providers, as RoutePolicies reads
 * the routes' access policies: whatever modules a process imports, its jobs are those of their
 * providers. Runs at module init, so JobScheduler (at bootstrap) sees every job.
 */
@Injectable()
export class JobDiscovery implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly registry: JobRegistry,
    @Optional() private readonly config?: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown> | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const options = this.reflector.get<ScheduledJobOptions | undefined>(SCHEDULED_JOB, prototype[method] as JobMethod);
        if (!options) continue;
        // A job runs outside any request: a request-scoped or transient provider has no instance to run it on.
        if (!wrapper.isDependencyTreeStatic() || wrapper.isTransient) throw new Error(`Job '${options.name}' is on ${wrapper.name}, which is not a singleton`);
        if (options.enabled && (!this.config || !options.enabled(this.config))) continue;
        const run = (instance[method] as JobMethod).bind(instance);
        this.registry.register({ name: options.name, cron: options.cron, description: options.description, run });
      }
    }
  }
}
