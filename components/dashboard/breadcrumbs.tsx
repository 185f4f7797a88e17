import Link from "next/link";
import { useTranslations } from "next-intl";

/** Where this page sits: the last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  const t = useTranslations("campaigns.dashboard");
  return (
    <nav aria-label={t("breadcrumbs")} className="mb-4 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-stone-600">
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden>›</span> : null}
            {item.href ? (
              <Link href={item.href} className="underline-offset-2 hover:text-brand-700 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-medium text-stone-800">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
