import { Injectable } from '@nestjs/common';
import { PrismaService } from '@kasian/database';

/** People and the positions they hold, as stored for their office. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The person behind a token subject, with the assignments in force at `at`. */
  findPersonBySubject(subject: string, at: Date) {
    return this.prisma.person.findUnique({
      where: { subject },
      include: {
        office: { select: { id: true, code: true, nameTh: true } },
        assignments: {
          where: { startsAt: { lte: at }, OR: [{ endsAt: null }, { endsAt: { gt: at } }] },
          include: { position: { include: { unit: { select: { id: true, nameTh: true } } } } },
          orderBy: { startsAt: 'asc' },
        },
      },
    });
  }
}
