import { publicAsset } from "@/lib/public/assets";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const asset = await publicAsset((await params).file);
  if (!asset) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(asset.body, { headers: { "content-type": asset.type, "cache-control": "public, max-age=31536000, immutable" } });
}
