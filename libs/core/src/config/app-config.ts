import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from './environment';

/** Typed access to the validated environment. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  get<K extends keyof Environment>(key: K): Environment[K] {
    return this.config.get(key, { infer: true });
  }

  /** Where the app's own connections go: the least-privilege role, else the owner. */
  get appDatabaseUrl(): string | undefined {
    return this.get('DATABASE_APP_URL') ?? this.get('DATABASE_URL');
  }

  get isProduction(): boolean {
    return this.get('NODE_ENV') === 'production';
  }
}
