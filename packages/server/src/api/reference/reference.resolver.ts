import { CARRIERS, PERMISSION_MATRIX, TRANSITIONS } from '@oms/schema';
import { Authorized, Query, Resolver } from 'type-graphql';
import { CarrierType } from './carrier.type.js';
import { TransitionType } from './transition.type.js';

/** Reference data every client reads: carriers and the transition table. */
@Resolver()
export class ReferenceResolver {
  @Authorized('ORDER_READ')
  @Query(() => [CarrierType])
  carriers(): CarrierType[] {
    return [...CARRIERS];
  }

  @Authorized('ORDER_READ')
  @Query(() => [TransitionType], { description: 'the transition table of every strand' })
  transitions(): TransitionType[] {
    return TRANSITIONS.map((row) => ({
      strand: row.strand,
      from: row.from,
      event: row.event,
      to: row.to,
      guards: [...row.guards],
      roles: row.permission ? [...PERMISSION_MATRIX[row.permission]] : [],
      actors: [...row.actors],
      effects: [...row.effects],
    }));
  }
}
