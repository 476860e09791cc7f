import VisibilityIcon from '@mui/icons-material/VisibilityOutlined';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { OrderTimeline_OrderFragmentDoc, type OrderTimeline_OrderFragment } from '@/gql/graphql';
import { enumLabel } from '@/shared/enumLabel';
import { Section } from '@/shared/Section';
import { formatTime } from '@/shared/time';
import { getEventMessage, getLogisticsMessage } from '@/shared/timeline/messages';
import { Timeline, TimelineDay, TimelineItem, type TimelineTone } from '@/shared/timeline/Timeline';
import { useFragmentData } from '@/shared/useFragmentData';
import { groupByDay, mergeTimeline } from './mergeTimeline';

type Order = OrderTimeline_OrderFragment;
type OrderEvent = Order['timeline'][number];

const TROUBLE = /DEAD_LETTER|OUT_OF_STOCK|EXCEPTION|INTERCEPTED|REFUNDED|IGNORED|REFUND_FAILED/;

function toneOfEvent(event: OrderEvent): TimelineTone {
  if (TROUBLE.test(event.type)) return 'error';
  if (event.actorType === 'STAFF') return 'warning';
  return event.customerVisible ? 'primary' : 'default';
}

/** Who wrote an entry: a payment channel by its method's name (its id is the method's code), anyone else as named. */
function actorOf(t: TFunction, event: OrderEvent): string {
  if (event.actorType === 'PAYMENT') return enumLabel(t, 'paymentMethod', event.actor);
  return event.actorName ? `${event.actorName} (${event.actor})` : event.actor;
}

function CustomerVisible() {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      variant="outlined"
      color="primary"
      icon={<VisibilityIcon aria-hidden />}
      label={t('order.timeline.customerVisible')}
    />
  );
}

/**
 * Everything that happened to the order, oldest first, grouped by Asia/Shanghai day: every OrderEvent (with who
 * and why) and every carrier event of every parcel; entries the customer also sees are marked.
 */
export function OrderTimeline({ order: ref }: { order: FragmentType<OrderTimeline_OrderFragment> }) {
  const { t } = useTranslation();
  const order = useFragmentData(OrderTimeline_OrderFragmentDoc, ref);
  const days = useMemo(
    () => (order ? groupByDay(mergeTimeline(order.timeline, order.subOrders)) : []),
    [order],
  );
  if (!order) return null;

  return (
    <Section title={t('order.timeline.title')}>
      {days.length === 0 ? (
        <Typography color="text.secondary" data-testid="timeline">
          {t('order.timeline.empty')}
        </Typography>
      ) : (
        <Timeline label={t('order.timeline.title')} data-testid="timeline">
          {days.map(({ day, entries }) => (
            <TimelineDay key={day} day={day} summary={t('order.timeline.entries', { count: entries.length })}>
              {entries.map((entry) => {
                if (entry.kind === 'order') {
                  const { event } = entry;
                  return (
                    <TimelineItem
                      key={entry.key}
                      data-testid="timeline-entry"
                      time={formatTime(event.at)}
                      tone={toneOfEvent(event)}
                      title={getEventMessage(event, t)}
                      badges={
                        <>
                          {event.subOrderNumber ? (
                            <Chip
                              size="small"
                              variant="outlined"
                              label={t('order.timeline.subOrder', { number: event.subOrderNumber })}
                              sx={{ fontFamily: MONO }}
                            />
                          ) : null}
                          {event.customerVisible ? <CustomerVisible /> : null}
                        </>
                      }
                      meta={t('order.timeline.by', {
                        actorType: enumLabel(t, 'actorType', event.actorType),
                        actor: actorOf(t, event),
                      })}
                      details={
                        event.reason
                          ? t('order.timeline.reason', {
                              // A refund made for money the order did not owe gives the code OVERPAID as its reason.
                              reason: enumLabel(t, 'refundReason', event.reason),
                            })
                          : undefined
                      }
                    />
                  );
                }
                const { event, shipment } = entry;
                const carrier = enumLabel(t, 'carrier', shipment.carrier.code);
                return (
                  <TimelineItem
                    key={entry.key}
                    data-testid="timeline-entry"
                    time={formatTime(event.at)}
                    tone={event.node === 'EXCEPTION' || event.node === 'REJECTED' ? 'error' : 'info'}
                    title={getLogisticsMessage(event, t)}
                    badges={event.customerVisible ? <CustomerVisible /> : null}
                    meta={t('order.timeline.by', {
                      actorType: enumLabel(t, 'actorType', 'CARRIER'),
                      actor: t('order.timeline.parcel', { carrier, trackingNumber: shipment.trackingNumber }),
                    })}
                    details={[event.context, event.location].filter(Boolean).join(' · ') || undefined}
                  />
                );
              })}
            </TimelineDay>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
