import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { FieldCrypto, parseDataKey } from './field-crypto';

/** The app's FieldCrypto, keyed by DATA_ENCRYPTION_KEY (validateEnvironment requires or generates it). */
@Injectable()
export class PlacementCrypto extends FieldCrypto {
  constructor(config: AppConfig) {
    const key = config.get('DATA_ENCRYPTION_KEY');
    if (!key) throw new Error('DATA_ENCRYPTION_KEY is not set');
    super(parseDataKey(key));
  }
}
