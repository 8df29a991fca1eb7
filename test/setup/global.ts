/** Vitest global setup (replaced by the Redis provisioning setup). */
export default function setup(): void {}
