import type { ApiKeyScope as Scope } from '@oms/schema';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { CreateApiKeyRequest, RevokeApiKeyRequest } from '../../services/accounts/api-keys.service.js';
import { ApiKeyScope, DateTime } from '../common/scalars.js';

/** An integration key as ADMIN sees it (docs/api.md `apiKeys`): never the key nor its hash. */
@ObjectType('ApiKey')
export class ApiKeyType {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => [ApiKeyScope]) scopes: Scope[];
  @Field(() => String, {
    nullable: true,
    description:
      'the first characters of the key, to tell keys apart (null for keys made before they were kept)',
  })
  keyPrefix: string | null;
  @Field(() => Boolean, { description: 'false once revoked' }) active: boolean;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => String, { nullable: true, description: 'username of the admin who made it' }) createdBy:
    string | null;
  @Field(() => DateTime, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revokedBy: string | null;
  @Field(() => String, { nullable: true }) revokedReason: string | null;
  @Field(() => DateTime, { nullable: true, description: 'to the minute' }) lastUsedAt: Date | null;
}

@ObjectType('CreateApiKeyPayload')
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType) apiKey: ApiKeyType;
  @Field(() => String, {
    description:
      'the key itself, for `Authorization: ApiKey <key>`: shown this once, stored only as its hash',
  })
  key: string;
}

@ObjectType('ApiKeyPayload')
export class ApiKeyPayload {
  @Field(() => ApiKeyType) apiKey: ApiKeyType;
}

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput implements CreateApiKeyRequest {
  @Field(() => String, { description: '1–64 characters: who uses it (shown as the actor in timelines)' })
  name: string;
  @Field(() => [ApiKeyScope], { description: 'at least one' }) scopes: Scope[];
  @Field(() => String, { nullable: true, description: 'for the audit row' }) reason?: string | null;
}

@InputType('RevokeApiKeyInput')
export class RevokeApiKeyInput implements RevokeApiKeyRequest {
  @Field(() => ID) apiKeyId: string;
  @Field(() => String) reason: string;
}
