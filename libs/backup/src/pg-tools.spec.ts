import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@app/core';
import { chooseInstall, NoFittingPgToolError, PgClientInstall, PgTools } from './pg-tools';

const install = (major: number, source = 'system'): PgClientInstall => ({ binDir: `/pg${major}/${source}`, major, source });

/** A directory with fake client tools that report `version`. */
function fakeBinDir(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-tools-spec-'));
  for (const program of ['pg_dump', 'pg_restore']) {
    writeFileSync(join(dir, program), `#!/bin/sh\necho "${program} (PostgreSQL) ${version}"\n`);
    chmodSync(join(dir, program), 0o755);
  }
  return dir;
}

const configWith = (pgBinDir: string) => ({ get: (key: string) => (key === 'PG_BIN_DIR' ? pgBinDir : undefined) }) as unknown as AppConfig;

describe('choosing pg_dump and pg_restore', () => {
  it('takes the closest version not older than the server, in the given order among equals', () => {
    const installs = [install(15), install(17), install(18, 'system'), install(18, 'bundled')];
    expect(chooseInstall(installs, 15)?.major).toBe(15);
    expect(chooseInstall(installs, 16)?.major).toBe(17);
    expect(chooseInstall(installs, 18)).toEqual(install(18, 'system'));
    expect(chooseInstall(installs, 19)).toBeUndefined();
  });

  it('says which version is needed and what was found when none fits', () => {
    const tools = new PgTools(configWith(fakeBinDir('15.20 (Debian 15.20-0+deb12u1)')));
    expect(tools.find('pg_dump', 150004)).toMatchObject({ major: 15, source: 'PG_BIN_DIR' });
    expect(() => tools.find('pg_dump', 180004)).toThrow(NoFittingPgToolError);
    expect(() => tools.find('pg_dump', 180004)).toThrow(/No pg_dump fits: PostgreSQL 18 server needs pg_dump 18 or newer; PG_BIN_DIR found 15 \(.*\)\. Install the PostgreSQL 18 client tools \(Debian: postgresql-client-18\)/);
    expect(() => tools.find('pg_restore', 150004, 18)).toThrow(/PostgreSQL 15 server and a dump written by pg_dump 18 need pg_restore 18 or newer/);
  });
});
