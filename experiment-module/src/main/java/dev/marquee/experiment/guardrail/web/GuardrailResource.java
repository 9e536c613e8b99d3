package dev.marquee.experiment.guardrail.web;

import dev.marquee.api.GuardrailsApi;
import dev.marquee.api.model.AgeLimits;
import dev.marquee.api.model.GuardrailBlockReport;
import dev.marquee.api.model.GuardrailPolicyWrite;
import dev.marquee.api.model.MaturityFlag;
import dev.marquee.api.model.ProfileType;
import dev.marquee.api.model.RegionRule;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.guardrail.GuardrailBlockRepository;
import dev.marquee.experiment.guardrail.GuardrailBlockTotal;
import dev.marquee.experiment.guardrail.GuardrailPolicy;
import dev.marquee.experiment.guardrail.GuardrailPolicyDraft;
import dev.marquee.experiment.guardrail.GuardrailPolicyService;
import dev.marquee.experiment.guardrail.PolicyFlag;
import dev.marquee.experiment.guardrail.PolicyRegionRule;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** The guardrail policy and its block counts: the generated {@link GuardrailsApi}. */
@RequestScoped
public class GuardrailResource implements GuardrailsApi {
  static final int MAX_DAYS = 92;
  static final int MAX_TOTALS = 500;

  @Inject GuardrailPolicyService policies;
  @Inject GuardrailBlockRepository blocks;
  @Context SecurityContext security;

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getGuardrails() {
    return withEntity(policies.current());
  }

  @Override
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  public Response updateGuardrails(String ifMatch, GuardrailPolicyWrite body) {
    OptionalLong v = EntityVersions.requiredVersion(ifMatch);
    GuardrailPolicyDraft draft = toDraft(body);
    return withEntity(
        policies.replace(
            v.isPresent() ? v.getAsLong() : null, draft, security.getUserPrincipal().getName()));
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response listGuardrailBlocks(
      UUID entryId, UUID experimentId, LocalDate from, LocalDate to) {
    LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
    LocalDate first = from != null ? from : last.minusDays(6);
    if (first.isAfter(last)) {
      throw new InvalidInputException(new FieldError("from", "must not be after to"));
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      throw new InvalidInputException(
          new FieldError("from", "the range may span at most " + MAX_DAYS + " days"));
    }
    List<GuardrailBlockTotal> totals =
        blocks.totals(first, last, entryId, experimentId, MAX_TOTALS + 1);
    GuardrailBlockReport report =
        new GuardrailBlockReport()
            .from(first)
            .to(last)
            .truncated(totals.size() > MAX_TOTALS)
            .totals(
                totals.stream()
                    .limit(MAX_TOTALS)
                    .map(
                        t ->
                            new dev.marquee.api.model.GuardrailBlockTotal()
                                .entryId(t.entryId())
                                .variantId(t.variantId())
                                .experimentId(t.experimentId())
                                .audienceGroupId(t.audienceGroupId())
                                .source(
                                    dev.marquee.api.model.GuardrailBlockTotal.SourceEnum.fromValue(
                                        t.source()))
                                .rule(
                                    dev.marquee.api.model.GuardrailBlockTotal.RuleEnum.fromValue(
                                        t.rule().name()))
                                .count(t.count()))
                    .toList());
    return Response.ok(report).build();
  }

  private static GuardrailPolicyDraft toDraft(GuardrailPolicyWrite body) {
    AgeLimits limits = body.getAgeLimits();
    return new GuardrailPolicyDraft(
        body.getMaturityFlags().stream()
            .map(
                f ->
                    new PolicyFlag(
                        f.getTag(),
                        f.getTemplate(),
                        f.getBlockedFor().stream()
                            .map(
                                p ->
                                    dev.marquee.experiment.audience.rules.ProfileType.valueOf(
                                        p.name()))
                            .toList(),
                        f.getNote()))
            .toList(),
        limits.getKids(),
        limits.getTeen(),
        body.getRegionRules().stream()
            .map(
                r ->
                    new PolicyRegionRule(
                        List.copyOf(r.getCountries()),
                        List.copyOf(r.getRegions()),
                        r.getVariantId(),
                        r.getCast(),
                        r.getNote()))
            .toList());
  }

  private static Response withEntity(GuardrailPolicy p) {
    GuardrailPolicyDraft d = p.draft();
    dev.marquee.api.model.GuardrailPolicy dto =
        new dev.marquee.api.model.GuardrailPolicy()
            .maturityFlags(
                d.maturityFlags().stream()
                    .map(
                        f ->
                            new MaturityFlag()
                                .tag(f.tag())
                                .template(f.template())
                                .blockedFor(
                                    new java.util.LinkedHashSet<>(
                                        f.blockedFor().stream()
                                            .map(t -> ProfileType.valueOf(t.name()))
                                            .toList()))
                                .note(f.note()))
                    .toList())
            .ageLimits(new AgeLimits().kids(d.kidsAgeLimit()).teen(d.teenAgeLimit()))
            .regionRules(
                d.regionRules().stream()
                    .map(
                        r ->
                            new RegionRule()
                                .countries(new java.util.LinkedHashSet<>(r.countries()))
                                .regions(new java.util.LinkedHashSet<>(r.regions()))
                                .variantId(r.variantId())
                                .cast(r.cast())
                                .note(r.note()))
                    .toList())
            .revision(p.getVersion())
            .updatedAt(p.getUpdatedAt().atOffset(ZoneOffset.UTC))
            .updatedBy(p.getUpdatedBy());
    return Response.ok(dto).tag(EntityVersions.etag(p.getVersion())).build();
  }
}
