import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Jurisdiction } from './jurisdiction.entity';
import { JurisdictionQuery } from './jurisdictions.dto';

@Injectable()
export class JurisdictionsService {
  constructor(@InjectRepository(Jurisdiction) private readonly jurisdictions: Repository<Jurisdiction>) {}

  list(query: JurisdictionQuery): Promise<Jurisdiction[]> {
    return this.jurisdictions.find({
      where: { ...(query.level ? { level: query.level } : {}), ...(query.parentCode ? { parentCode: query.parentCode } : {}) },
      order: { code: 'ASC' },
    });
  }

  find(code: string): Promise<Jurisdiction | null> {
    return this.jurisdictions.findOneBy({ code });
  }
}
