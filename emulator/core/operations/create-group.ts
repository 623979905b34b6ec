import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { groupNameOf, poolOf } from '../flows/request.ts';
import { groupView } from '../groups.ts';
import { optionalInteger, optionalString } from '../input.ts';
import type { GroupRecord } from '../store.ts';

/** The API reference's ArnType. */
const ARN =
  /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;

/** CreateGroup: a new group with an optional description, IAM role and precedence. */
export const createGroup: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const name = groupNameOf(input);
  const description = optionalString(input, 'Description', { min: 0, max: 2048 });
  const roleArn = optionalString(input, 'RoleArn', { min: 20, max: 2048, pattern: ARN });
  const precedence = optionalInteger(input, 'Precedence', 0, 2 ** 31 - 1);
  if (pool.store.group(name)) {
    throw new CognitoError('GroupExistsException', 'A group with the name already exists.');
  }
  const now = ctx.now();
  const group: GroupRecord = {
    name,
    ...(description === undefined ? {} : { description }),
    ...(roleArn === undefined ? {} : { roleArn }),
    ...(precedence === undefined ? {} : { precedence }),
    createdAt: now,
    updatedAt: now,
  };
  pool.store.putGroup(group);
  return { Group: groupView(pool.id, group) };
};
