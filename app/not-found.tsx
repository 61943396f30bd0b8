import { FallbackPage } from "@/components/ui/fallback-page";

export default function NotFound() {
  return (
    <FallbackPage title="Not found" link={{ href: "/", label: "Go to your dashboard" }} standalone>
      <p>This page or team does not exist, or it is not yours to see.</p>
    </FallbackPage>
  );
}
