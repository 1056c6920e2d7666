export * from './reserve-funds.module';
export * from './reserve-funds.service';
export * from './reserve-fund.entity';
export * from './reserve-funds.dto';
export * from './messages.zh';
export * from './jobs/reserve-fund-top-ups.job';
