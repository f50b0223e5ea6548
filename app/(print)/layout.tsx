/** Printable pages: no app shell, A4 margins, colours kept when printing to PDF. */
export const dynamic = "force-dynamic";

export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-5xl bg-white px-6 py-8 text-zinc-900 print:max-w-none print:px-0 print:py-0 [print-color-adjust:exact]">
      <style>{"@page { size: A4; margin: 14mm 12mm; } @media print { body { background: #fff; } }"}</style>
      {children}
    </div>
  );
}
