// Measures the same NestJS app on the Express and Fastify adapters, in one run, on loopback.
// Usage: npm run bench:http [-- --seconds 5 --connections 20 --rounds 2]
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Body, Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { kasianValidationPipe } from '../apps/api/src/http/validation';

class DecisionDto {
  @IsIn(['เห็นชอบ', 'ไม่เห็นชอบ', 'อนุมัติ', 'ไม่อนุมัติ', 'ทราบ']) decision!: string;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

@Controller()
class BenchController {
  @Get('ping') ping() {
    return { ok: true };
  }

  @Post('decisions') decide(@Body() body: DecisionDto) {
    return { accepted: body.decision, length: body.comment?.length ?? 0 };
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

type AdapterName = 'express' | 'fastify';

async function boot(adapter: AdapterName): Promise<{ app: INestApplication; url: string }> {
  const app =
    adapter === 'fastify'
      ? await NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(BenchModule, new ExpressAdapter(), { logger: false });
  app.useGlobalPipes(kasianValidationPipe());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}` };
}

interface Sample {
  adapter: AdapterName;
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

async function measure(adapter: AdapterName, route: 'GET /ping' | 'POST /decisions', seconds: number, connections: number): Promise<Sample> {
  const { app, url } = await boot(adapter);
  try {
    const post = route.startsWith('POST');
    const result = await autocannon({
      url: `${url}${route.split(' ')[1]}`,
      method: post ? 'POST' : 'GET',
      headers: post ? { 'content-type': 'application/json' } : {},
      body: post ? JSON.stringify({ decision: 'เห็นชอบ', comment: 'เห็นควรนำเรียนนายกพิจารณา' }) : undefined,
      duration: seconds,
      connections,
    });
    return {
      adapter,
      route,
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  } finally {
    await app.close();
  }
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const seconds = option('seconds', 5);
const connections = option('connections', 20);
const rounds = option('rounds', 2);
const samples: Sample[] = [];
for (let round = 0; round < rounds; round++) {
  // Alternate the order each round so drift on a noisy machine does not favour one adapter.
  const order: AdapterName[] = round % 2 ? ['fastify', 'express'] : ['express', 'fastify'];
  for (const route of ['GET /ping', 'POST /decisions'] as const) for (const adapter of order) samples.push(await measure(adapter, route, seconds, connections));
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const rows = (['GET /ping', 'POST /decisions'] as const).map((route) => {
  const of = (adapter: AdapterName) => samples.filter((s) => s.adapter === adapter && s.route === route);
  const express = of('express');
  const fastify = of('fastify');
  return {
    route,
    expressRps: Math.round(mean(express.map((s) => s.requestsPerSecond))),
    fastifyRps: Math.round(mean(fastify.map((s) => s.requestsPerSecond))),
    fastifyOverExpress: Number((mean(fastify.map((s) => s.requestsPerSecond)) / mean(express.map((s) => s.requestsPerSecond))).toFixed(2)),
    expressP99Ms: Math.max(...express.map((s) => s.p99Ms)),
    fastifyP99Ms: Math.max(...fastify.map((s) => s.p99Ms)),
    errors: [...express, ...fastify].reduce((n, s) => n + s.errors, 0),
  };
});

console.table(rows);
mkdirSync('bench/results', { recursive: true });
const report = { benchmark: 'http-adapter', at: new Date().toISOString(), seconds, connections, rounds, node: process.version, rows, samples };
writeFileSync('bench/results/http-adapter.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('written bench/results/http-adapter.json');
