-- Public pages are kept rendered (lib/public/page-cache.ts) and outdated by what changed: every change to what
-- they show names its tags on the channel picket_public_pages, delivered when the transaction commits, to every
-- instance that listens. The arguments name the tags: "home" as it is, "e:event_id" with the value of the column
-- event_id of the old and of the new row.
CREATE FUNCTION picket_public_page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  spec text;
  rec jsonb;
  value text;
  tags text[] := '{}';
BEGIN
  -- An update that changes nothing (a count raised by zero) outdates nothing.
  IF TG_OP = 'UPDATE' AND to_jsonb(OLD) = to_jsonb(NEW) THEN
    RETURN NULL;
  END IF;
  FOREACH spec IN ARRAY TG_ARGV LOOP
    IF position(':' IN spec) = 0 THEN
      tags := tags || spec;
    ELSE
      FOREACH rec IN ARRAY ARRAY[
        CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
        CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END
      ] LOOP
        value := rec ->> split_part(spec, ':', 2);
        IF value IS NOT NULL THEN
          tags := tags || (split_part(spec, ':', 1) || ':' || value);
        END IF;
      END LOOP;
    END IF;
  END LOOP;
  IF cardinality(tags) > 0 THEN
    PERFORM pg_notify('picket_public_pages', array_to_string(ARRAY(SELECT DISTINCT t FROM unnest(tags) AS t ORDER BY t), ' '));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON campaigns
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('c:id', 'home');
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('e:id', 'c:campaign_id', 'home');
--> statement-breakpoint
-- Places left count confirmed and waitlisted sign-ups: only a new, changed or erased status changes a page.
CREATE TRIGGER public_pages AFTER INSERT OR DELETE OR UPDATE OF status ON signups
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('e:event_id');
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON campaign_translations
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('c:campaign_id');
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON event_translations
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('e:event_id');
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON articles
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('articles');
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON article_links
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('articles');
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON cases
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('trials');
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON defendants
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('trials');
--> statement-breakpoint
CREATE TRIGGER public_pages AFTER INSERT OR UPDATE OR DELETE ON case_updates
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('trials');
--> statement-breakpoint
-- An organisation's name is on its campaigns' pages.
CREATE TRIGGER public_pages AFTER UPDATE OF name ON organisations
  FOR EACH ROW EXECUTE FUNCTION picket_public_page_changed('*');
