import {
  changePasswordSchema,
  inviteUserSchema,
  requestPasswordResetSchema,
  tokenPasswordSchema,
  updateUserRolesSchema,
} from "@citypeer/domain/identity";
import { builder } from "../../builder.ts";
import { ConflictError, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { OrganizationRef } from "../organizations/types.ts";
import {
  acceptInvitation,
  changePassword,
  deactivateUser,
  inviteUser,
  reactivateUser,
  requestPasswordReset,
  resetPassword,
  updateUserRoles,
} from "./accounts.ts";
import { RoleEnum, UserRef } from "./types.ts";

const InviteUserInput = builder.inputType("InviteUserInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    organizationId: t.globalID({ required: false, for: OrganizationRef }),
    roles: t.field({ type: [RoleEnum], required: true }),
  }),
});

const UpdateUserRolesInput = builder.inputType("UpdateUserRolesInput", {
  fields: (t) => ({
    userId: t.globalID({ required: true, for: UserRef }),
    roles: t.field({ type: [RoleEnum], required: true }),
    organizationId: t.globalID({ required: false, for: OrganizationRef }),
  }),
});

const UserIdInput = builder.inputType("UserIdInput", {
  fields: (t) => ({ userId: t.globalID({ required: true, for: UserRef }) }),
});

const TokenPasswordInput = builder.inputType("TokenPasswordInput", {
  fields: (t) => ({ token: t.string({ required: true }), password: t.string({ required: true }) }),
});

const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  fields: (t) => ({ currentPassword: t.string({ required: true }), newPassword: t.string({ required: true }) }),
});

const RequestPasswordResetInput = builder.inputType("RequestPasswordResetInput", {
  fields: (t) => ({ email: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  inviteUser: t.prismaField({
    type: UserRef,
    args: { input: t.arg({ type: InviteUserInput, required: true }) },
    authScopes: { admin: true },
    errors: { types: [InputError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(inviteUserSchema, { ...input, organizationId: input.organizationId?.id ?? null });
      return inTransaction(ctx, (tx) => inviteUser(tx, ctx.viewer!, data, query));
    },
  }),

  /** Public: the invitee sets a password through the e-mailed single-use link, then signs in. */
  acceptInvitation: t.boolean({
    args: { input: t.arg({ type: TokenPasswordInput, required: true }) },
    errors: { types: [InputError] },
    resolve: async (_root, { input }, ctx) => {
      const data = parseInput(tokenPasswordSchema, input);
      await inTransaction(ctx, (tx) => acceptInvitation(tx, data.token, data.password));
      return true;
    },
  }),

  updateUserRoles: t.prismaField({
    type: UserRef,
    args: { input: t.arg({ type: UpdateUserRolesInput, required: true }) },
    authScopes: { admin: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(updateUserRolesSchema, {
        userId: input.userId.id,
        roles: input.roles,
        organizationId: input.organizationId?.id ?? null,
      });
      return inTransaction(ctx, (tx) => updateUserRoles(tx, ctx.viewer!, data, query));
    },
  }),

  deactivateUser: t.prismaField({
    type: UserRef,
    args: { input: t.arg({ type: UserIdInput, required: true }) },
    authScopes: { admin: true },
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => deactivateUser(tx, ctx.viewer!, input.userId.id, query)),
  }),

  reactivateUser: t.prismaField({
    type: UserRef,
    args: { input: t.arg({ type: UserIdInput, required: true }) },
    authScopes: { admin: true },
    errors: { types: [NotFoundError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => reactivateUser(tx, ctx.viewer!, input.userId.id, query)),
  }),

  changePassword: t.prismaField({
    type: UserRef,
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    authScopes: { signedIn: true },
    errors: { types: [InputError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(changePasswordSchema, input);
      return inTransaction(ctx, (tx) => changePassword(tx, ctx.viewer!, data.currentPassword, data.newPassword, query));
    },
  }),

  /** Public, and the same answer whether or not the address has an account. */
  requestPasswordReset: t.boolean({
    args: { input: t.arg({ type: RequestPasswordResetInput, required: true }) },
    errors: { types: [InputError] },
    resolve: async (_root, { input }, ctx) => {
      const { email } = parseInput(requestPasswordResetSchema, input);
      await inTransaction(ctx, (tx) => requestPasswordReset(tx, email));
      return true;
    },
  }),

  resetPassword: t.boolean({
    args: { input: t.arg({ type: TokenPasswordInput, required: true }) },
    errors: { types: [InputError] },
    resolve: async (_root, { input }, ctx) => {
      const data = parseInput(tokenPasswordSchema, input);
      await inTransaction(ctx, (tx) => resetPassword(tx, data.token, data.password));
      return true;
    },
  }),
}));
