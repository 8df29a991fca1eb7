/**
 * Every Redis key and channel name the app uses, built from the configured prefix
 * (e.g. `ikp:`; the prefix carries its own separator). Layout:
 *
 *   <prefix>results:<probeId>              LIST   newest-first ProbeResult JSON, trimmed to `keep`
 *   <prefix>probe-states                   HASH   probeId -> ProbeState JSON
 *   <prefix>component-states               HASH   componentId -> ComponentState JSON
 *   <prefix>uptime:<componentId>:<day>     HASH   status -> seconds (float); expires after retention
 *   <prefix>uptime-slots:<seconds>:<componentId>:<day>
 *                                          BITMAP slot n of the day (n × seconds after its start) booked; expires two days after the day
 *   <prefix>transitions:<componentId>      ZSET   score = at, member = StatusTransition JSON; trimmed to retention
 *   <prefix>windows                        HASH   windowId -> MaintenanceWindow JSON
 *   <prefix>incidents                      HASH   incidentId -> Incident JSON (saved by version, see saveIncident)
 *   <prefix>overrides                      HASH   componentId -> Override JSON
 *   <prefix>reclassifications              HASH   reclassificationId -> Reclassification JSON
 *   <prefix>audit                          LIST   newest-first AuditEntry JSON, trimmed to `admin.auditKeep`
 *   <prefix>webhook-outbox                 HASH   deliveryId -> OutboxEntry JSON (webhook deliveries not yet ended)
 *   <prefix>quarantine                     HASH   quarantineId -> QuarantinedRecord JSON (records that failed validation)
 *   <prefix>lease:<key>                    STRING "1" with PX ttl (SET NX); also webhook delivery claims
 *   <prefix>rl:<limiter>:<client>           STRING rate-limit counters, written by rate-limit-redis
 *   <prefix>epoch                          STRING random id written once; its disappearance means Redis was emptied (FLUSHALL)
 *   <prefix>changed                        pub/sub channel, payload ignored
 *
 * Component ids may contain `:` (`bank:<id>`); the uptime day is always the last 10 characters.
 */
export function redisKeys(prefix: string) {
  return {
    results: (probeId: string): string => `${prefix}results:${probeId}`,
    probeStates: `${prefix}probe-states`,
    componentStates: `${prefix}component-states`,
    uptime: (component: string, day: string): string => `${prefix}uptime:${component}:${day}`,
    uptimeSlots: (component: string, day: string, seconds: number): string => `${prefix}uptime-slots:${seconds}:${component}:${day}`,
    transitions: (component: string): string => `${prefix}transitions:${component}`,
    windows: `${prefix}windows`,
    incidents: `${prefix}incidents`,
    overrides: `${prefix}overrides`,
    reclassifications: `${prefix}reclassifications`,
    audit: `${prefix}audit`,
    webhookOutbox: `${prefix}webhook-outbox`,
    quarantine: `${prefix}quarantine`,
    lease: (key: string): string => `${prefix}lease:${key}`,
    changedChannel: `${prefix}changed`,
    epoch: `${prefix}epoch`,
    /** Prefix handed to rate-limit-redis, which appends the client key itself. */
    rateLimitPrefix: (limiter: string): string => `${prefix}rl:${limiter}:`,
  } as const;
}

/** The key names one prefix yields (see `redisKeys`). */
export type RedisKeys = ReturnType<typeof redisKeys>;

/** Patterns matching every key `redisKeys(prefix)` can produce, for audits and tests. */
export function redisKeyPatterns(prefix: string): RegExp[] {
  const p = escapeRegExp(prefix);
  return [
    new RegExp(`^${p}results:.+$`),
    new RegExp(`^${p}probe-states$`),
    new RegExp(`^${p}component-states$`),
    new RegExp(`^${p}uptime:.+:\\d{4}-\\d{2}-\\d{2}$`),
    new RegExp(`^${p}uptime-slots:\\d+(\\.\\d+)?:.+:\\d{4}-\\d{2}-\\d{2}$`),
    new RegExp(`^${p}transitions:.+$`),
    new RegExp(`^${p}windows$`),
    new RegExp(`^${p}incidents$`),
    new RegExp(`^${p}overrides$`),
    new RegExp(`^${p}reclassifications$`),
    new RegExp(`^${p}audit$`),
    new RegExp(`^${p}webhook-outbox$`),
    new RegExp(`^${p}quarantine$`),
    new RegExp(`^${p}lease:.+$`),
    new RegExp(`^${p}rl:[a-z]+:.+$`),
    new RegExp(`^${p}epoch$`),
  ];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
