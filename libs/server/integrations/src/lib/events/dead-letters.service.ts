import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeadLetterView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/server-identity';
import { findDeadLetter, listDeadLetters, requestReplay } from '@hotline/server-orders';
import { AppException, audit, inTransaction } from '@hotline/server-platform';
import type { DeadLettersQueryDto } from '../dto';

/** The order-event stream's dead letters for admins: the list, and replay (audited; the relay delivers next tick). */
@Injectable()
export class DeadLettersService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  list(q: DeadLettersQueryDto): Promise<DeadLetterView[]> {
    return listDeadLetters(this.ds, { ...q, limit: 500 });
  }

  async replay(user: AuthUser, id: number): Promise<DeadLetterView[]> {
    return inTransaction(this.ds, async (em) => {
      const letter = await findDeadLetter(em, id);
      if (!letter) throw new AppException('NOT_FOUND', `no dead letter ${id}`);
      if (letter.status !== 'parked') throw new AppException('PRECONDITION_FAILED', `dead letter ${id} is ${letter.status}, not parked`, { field: 'status' });
      const ids = await requestReplay(em, letter);
      await audit(em, user, 'dead-letter', id, 'replay', { subscriber: letter.subscriber, orderId: letter.orderId, letters: ids });
      return (await Promise.all(ids.map((x) => findDeadLetter(em, x)))).filter((x): x is DeadLetterView => !!x);
    });
  }
}
