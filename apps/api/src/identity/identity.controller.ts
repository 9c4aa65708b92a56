import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal } from '@kasian/auth';
import { IdentityService } from './identity.service';
import { MeDto } from './me.dto';

@ApiTags('identity')
@Controller('me')
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Who am I: token identity, roles, and the positions I hold today' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.identity.describe(principal);
  }
}
