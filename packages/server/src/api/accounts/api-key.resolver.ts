import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ApiKeyView } from '../../services/accounts/api-keys.service.js';
import { staffOf, type RequestContext } from '../context.js';
import {
  ApiKeyPayload,
  ApiKeyType,
  CreateApiKeyInput,
  CreateApiKeyPayload,
  RevokeApiKeyInput,
} from './api-key.types.js';

function shown(key: ApiKeyView): ApiKeyType {
  return { ...key, active: !key.revokedAt };
}

/** Integration keys, kept by ADMIN (docs/api.md "Administration", docs/administration.md). */
@Resolver()
export class ApiKeyResolver {
  @Authorized('ADMINISTER')
  @Query(() => [ApiKeyType], { description: 'every integration key, live ones first, newest first' })
  async apiKeys(@Ctx() { services }: RequestContext): Promise<ApiKeyType[]> {
    return (await services.apiKeys.list()).map(shown);
  }

  @Authorized('ADMINISTER')
  @Mutation(() => CreateApiKeyPayload, { description: 'a new integration key, shown once; audited' })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() context: RequestContext,
  ): Promise<CreateApiKeyPayload> {
    const { apiKey, key } = await context.services.apiKeys.create(staffOf(context), input, context.address);
    return { apiKey: shown(apiKey), key };
  }

  @Authorized('ADMINISTER')
  @Mutation(() => ApiKeyPayload, { description: 'stops a key from its next request on; audited' })
  async revokeApiKey(
    @Arg('input', () => RevokeApiKeyInput) input: RevokeApiKeyInput,
    @Ctx() context: RequestContext,
  ): Promise<ApiKeyPayload> {
    return { apiKey: shown(await context.services.apiKeys.revoke(staffOf(context), input, context.address)) };
  }
}
