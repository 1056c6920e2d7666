// Runs one scheduled job in a process of its own, as a worker would, so a test can kill it with
// SIGKILL half-way. Usage (env DATABASE_URL etc.): ts-node run-job-child.ts <job-name>
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { validateEnvironment } from '@app/core';
import { JobRunner } from '@app/scheduler';
import { WorkerModule } from '../../apps/worker/src/worker.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(validateEnvironment(process.env)), { logger: ['error'] });
  console.log('started');
  await app.get(JobRunner).runJob(process.argv[2], 'test-child');
  console.log('finished');
  await app.close();
}

void main();
