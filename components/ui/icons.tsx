import type { SVGProps } from "react";

// The icons of the public pages, drawn by the server. lucide-react's components are client components, so
// each one on a page also sent lucide's runtime and the icon's outline to every browser; these are plain SVG.
// Outlines from Lucide (https://lucide.dev), ISC licence.

type Node = [tag: "path" | "circle" | "rect" | "line" | "polyline", attrs: Record<string, string>][];
export type IconProps = Omit<SVGProps<SVGSVGElement>, "children">;

function icon(node: Node) {
  function Icon(props: IconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={24}
        height={24}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        {...props}
      >
        {node.map(([Tag, attrs], i) => (
          <Tag key={i} {...attrs} />
        ))}
      </svg>
    );
  }
  return Icon;
}

export const CalendarPlus = icon([
  ["path", { d: "M16 18h6" }],
  ["path", { d: "M16 2v3" }],
  ["path", { d: "M19 15v6" }],
  ["path", { d: "M21 11.5V5a2 2 0 00-2-2H5a2 2 0 00-2 2v14a2 2 0 002 2h8.3" }],
  ["path", { d: "M3 9h18" }],
  ["path", { d: "M8 2v3" }],
]);
export const HandCoins = icon([
  ["path", { d: "M11 15h2a2 2 0 1 0 0-4h-3c-.6 0-1.1.2-1.4.6L3 17" }],
  ["path", { d: "m7 21 1.6-1.4c.3-.4.8-.6 1.4-.6h4c1.1 0 2.1-.4 2.8-1.2l4.6-4.4a2 2 0 0 0-2.75-2.91l-4.2 3.9" }],
  ["path", { d: "m2 16 6 6" }],
  ["circle", { cx: "16", cy: "9", r: "2.9" }],
  ["circle", { cx: "6", cy: "5", r: "3" }],
]);
export const Rss = icon([
  ["path", { d: "M4 11a9 9 0 0 1 9 9" }],
  ["path", { d: "M4 4a16 16 0 0 1 16 16" }],
  ["circle", { cx: "5", cy: "19", r: "1" }],
]);
export const ExternalLink = icon([
  ["path", { d: "M15 3h6v6" }],
  ["path", { d: "M10 14 21 3" }],
  ["path", { d: "M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6" }],
]);
export const Search = icon([
  ["path", { d: "m21 21-4.34-4.34" }],
  ["circle", { cx: "11", cy: "11", r: "8" }],
]);
export const Languages = icon([
  ["path", { d: "m5 8 6 6" }],
  ["path", { d: "m4 14 6-6 2-3" }],
  ["path", { d: "M2 5h12" }],
  ["path", { d: "M7 2h1" }],
  ["path", { d: "m22 22-5-10-5 10" }],
  ["path", { d: "M14 18h6" }],
]);
export const MapPinned = icon([
  ["path", { d: "M18 8c0 3.613-3.869 7.429-5.393 8.795a1 1 0 01-1.214 0C9.87 15.429 6 11.613 6 8a6 6 0 0112 0" }],
  [
    "path",
    { d: "M4.474 15h-.197a1 1 0 00-.969.753l-1.097 4.35a1.5 1.5 0 001.444 1.898L20.344 22a1.5 1.5 0 001.446-1.897l-1.098-4.35a1 1 0 00-.969-.753h-.197" },
  ],
  ["circle", { cx: "12", cy: "8", r: "2" }],
]);
export const LoaderCircle = icon([["path", { d: "M21 12a9 9 0 1 1-6.219-8.56" }]]);
