import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AUTHORIZE_KEY } from './auth.decorators';

/** Refuses to start an app with a route that has no @Authorize rule, instead of failing at request time. */
@Injectable()
export class AuthorizeCoverageCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const uncovered = this.discovery.getControllers().flatMap(({ metatype, instance }) => {
      if (!metatype || !instance) return [];
      const prototype = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
      return this.scanner
        .getAllMethodNames(prototype)
        .filter((name) => Reflect.getMetadata(PATH_METADATA, prototype[name]) !== undefined)
        .filter((name) => !this.reflector.getAllAndOverride(AUTHORIZE_KEY, [prototype[name], metatype]))
        .map((name) => `${metatype.name}.${name}`);
    });
    if (uncovered.length) throw new Error(`Routes without an @Authorize rule: ${uncovered.join(', ')}`);
  }
}
