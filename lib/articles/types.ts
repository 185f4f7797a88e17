/** An article's own fields, as the dashboard edits them and the public pages show them. */
export interface ArticleFields {
  id: string;
  url: string;
  title: string;
  publication: string;
  author: string;
  publishedOn: string | null;
  language: string;
  excerpt: string;
}
