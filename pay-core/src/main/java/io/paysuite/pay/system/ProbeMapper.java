package io.paysuite.pay.system;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** A round trip to this service's own database through MyBatis. */
@Mapper
public interface ProbeMapper {

    @Select("SELECT DATABASE()")
    String currentDatabase();
}
