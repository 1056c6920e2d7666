export * from './language';
export * from './zh-catalogue';
export * from './localize-problem';
import './core-messages.zh';
