/**
 * Service events (ECS-API:ServiceEvent): the newest 100 are kept on the service, newest first, and each is
 * also emitted as a model event. Source:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html (the console shows
 * the 100 most recent scheduler events).
 */
import type { Ctx } from '../sim/ctx.ts';
import type { Service } from '../sim/types.ts';

const MAX_EVENTS = 100;

/**
 * Adds an event to the service as it is now in the draft: a caller's copy of the service may be older than
 * an event written meanwhile (a drain announced while stopping tasks), and must not write over it.
 */
export function addServiceEvent(ctx: Ctx, svc: Service, message: string): Service {
  const ev = { id: ctx.uuid(), createdAt: ctx.now, message };
  const events = (ctx.s.services.get(svc.serviceArn) ?? svc).events;
  const updated = ctx.patch('services', svc.serviceArn, { events: [ev, ...events].slice(0, MAX_EVENTS) });
  ctx.emit(
    'service/event',
    { serviceName: svc.serviceName, serviceArn: svc.serviceArn, message },
    svc.region,
  );
  return updated;
}
