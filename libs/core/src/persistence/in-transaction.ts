import { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in the caller's transaction when given one, else in a new one (so a job can add its writes to a service's). */
export function inTransaction<T>(dataSource: DataSource, outer: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return outer ? work(outer) : dataSource.transaction(work);
}
