import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** For pages: an object that is not there (or is another team's) renders the 404 page. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
