import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type TNextAuthContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: TNextAuthContext): Promise<Response> {
  return NextAuth(authOptions())(request, context) as Promise<Response>;
}

export { handler as GET, handler as POST };
