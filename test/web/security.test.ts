import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { helmetOptions, securityHeaders } from '../../src/web/page/http-setup.ts';

const headersOf = async (middleware: RequestHandler): Promise<Record<string, string>> => {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => void res.type('text').send('x'));
  const res = await request(app).get('/').expect(200);
  const { date: _date, ...rest } = res.headers as Record<string, string>;
  return rest;
};

describe('securityHeaders', () => {
  it('when the captured helmet headers are sent, then they equal what helmet itself sends per request', async () => {
    expect(await headersOf(securityHeaders())).toEqual(await headersOf(helmet(helmetOptions())));
  });

  it('when the CSP is read, then it allows only same-origin scripts and styles and never unsafe-inline', async () => {
    const csp = (await headersOf(securityHeaders()))['content-security-policy']!;
    expect(csp.split(';')).toEqual(expect.arrayContaining(["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]));
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
