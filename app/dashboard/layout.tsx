import type { ReactNode } from "react";
import { Providers } from "@/components/layout/providers";

export const metadata = { robots: { index: false } };

export default function DashboardRoot({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
