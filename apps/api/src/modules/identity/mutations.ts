import { signInSchema } from "@citypeer/domain/identity";
import { isSupportedLocale } from "@citypeer/i18n/locales";
import { builder } from "../../builder.ts";
import { InputError, TooManyAttemptsError, parseInput } from "../../errors.ts";
import { signIn, signOut } from "./service.ts";

const SignInInput = builder.inputType("SignInInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

const UpdateMyLocaleInput = builder.inputType("UpdateMyLocaleInput", {
  fields: (t) => ({ locale: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  signIn: t.prismaField({
    type: "User",
    args: { input: t.arg({ type: SignInInput, required: true }) },
    errors: { types: [InputError, TooManyAttemptsError] },
    resolve: (query, _root, { input }, ctx) => signIn(ctx, parseInput(signInSchema, input), query),
  }),

  signOut: t.boolean({
    resolve: (_root, _args, ctx) => signOut(ctx),
  }),

  updateMyLocale: t.prismaField({
    type: "User",
    args: { input: t.arg({ type: UpdateMyLocaleInput, required: true }) },
    authScopes: { signedIn: true },
    errors: { types: [InputError] },
    resolve: (query, _root, { input }, ctx) => {
      if (!isSupportedLocale(input.locale)) throw InputError.field(["locale"], "unsupported_locale", "This language is not available");
      return ctx.db.user.update({ ...query, where: { id: ctx.viewer!.id }, data: { locale: input.locale } });
    },
  }),
}));
