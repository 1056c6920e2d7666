import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class Passwords {
  /** Compared against when the username is unknown, so that both cases take as long. */
  private readonly decoy = argon2.hash('decoy password for unknown users', OPTIONS);

  hash(plain: string): Promise<string> {
    return argon2.hash(plain, OPTIONS);
  }

  async verify(hash: string | null | undefined, plain: string): Promise<boolean> {
    const target = hash ?? (await this.decoy);
    try {
      return (await argon2.verify(target, plain)) && hash !== null && hash !== undefined;
    } catch {
      return false;
    }
  }
}
